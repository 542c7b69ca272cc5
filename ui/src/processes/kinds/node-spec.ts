import type { ComponentType } from 'react';
import type { NodeKind, NodeOfKind, ProcessDefinition } from '../../../../workflows/dsl/schema';

/** What a side-panel form gets: the definition (for targets, dates, parameters), and ways to change it. */
export interface PanelContext {
  def: ProcessDefinition;
  lang: 'nl' | 'en';
  readOnly: boolean;
  /** Case dates the definition knows (for "gerekend vanaf"). */
  dates: readonly string[];
  /** Changes a parameter value (a reminder's term given by parameter). */
  setParameter: (path: string, value: unknown, undoKey?: string) => void;
}

export interface PanelProps<K extends NodeKind> {
  node: NodeOfKind<K>;
  ctx: PanelContext;
  /** One undo step per key: typing in one field joins into one step. */
  onChange: (next: NodeOfKind<K>, undoKey?: string) => void;
  /** Changes the whole definition: a declaration (event, fact mapping) that other steps share. */
  onChangeDefinition: (next: ProcessDefinition, undoKey?: string) => void;
}

/** One node kind: how it looks, how a new one starts, what it shows on the graph, how it connects, and its form. */
export interface NodeSpec<K extends NodeKind> {
  kind: K;
  /** A short symbol beside the kind's name (decorative). */
  icon: string;
  /** Stem of a new step's id, e.g. `taak`. */
  idStem: string;
  create: (id: string, lang: 'nl' | 'en') => NodeOfKind<K>;
  /** Lines under the title on the graph. */
  describe: (node: NodeOfKind<K>, def: ProcessDefinition, lang: 'nl' | 'en') => string[];
  /** Dragging a connection from this step to `target`: which field becomes the edge; undefined when it has no way out. */
  connect: (node: NodeOfKind<K>, target: string) => NodeOfKind<K> | undefined;
  Panel: ComponentType<PanelProps<K>>;
}

export type NodeSpecs = { [K in NodeKind]: NodeSpec<K> };
