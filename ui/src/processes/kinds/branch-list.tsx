import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetSelect } from '../editor/fields';
import type { PanelContext } from './node-spec';

interface BranchListProps<B extends { next: string }> {
  /** The node whose branches these are (a decision's rule outcomes, a subprocess's outcomes). */
  nodeId: string;
  ctx: PanelContext;
  heading: string;
  branches: readonly B[];
  /** The group's accessible name for one branch. */
  nameOf: (branch: B) => string;
  /** The fields that say when a branch is taken; `set` changes it (with an undo key for typing). */
  fields: (branch: B, i: number, set: (branch: B, undoKey?: string) => void) => ReactNode;
  onChange: (branches: B[], undoKey?: string) => void;
  create: () => NoInfer<B>;
  addLabel: string;
  removeLabel: string;
  /** The step taken when no branch matches ("anders"); undefined when none is chosen. */
  otherwise: string | undefined;
  onOtherwise: (otherwise: string | undefined) => void;
}

/** A list of branches, each leading to a step, with add and remove, and the "otherwise" step below it. */
export function BranchList<B extends { next: string }>(p: BranchListProps<B>) {
  const { t } = useTranslation();
  const ro = p.ctx.readOnly;
  const set = (i: number) => (branch: B, undoKey?: string) =>
    p.onChange(
      p.branches.map((x, j) => (j === i ? branch : x)),
      undoKey,
    );
  return (
    <>
      <h3 className="utrecht-heading-3">{p.heading}</h3>
      {p.branches.map((b, i) => (
        <div key={i} className="pd-item" role="group" aria-label={p.nameOf(b)}>
          {p.fields(b, i, set(i))}
          <TargetSelect
            label={t('designer.next')}
            def={p.ctx.def}
            self={p.nodeId}
            value={b.next}
            disabled={ro}
            onChange={(next) => set(i)({ ...b, next })}
          />
          {!ro && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => p.onChange(p.branches.filter((_, j) => j !== i))}
            >
              {p.removeLabel}
            </button>
          )}
        </div>
      ))}
      {!ro && (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => p.onChange([...p.branches, p.create()])}
        >
          {p.addLabel}
        </button>
      )}
      <TargetSelect
        label={t('designer.otherwise')}
        def={p.ctx.def}
        self={p.nodeId}
        value={p.otherwise}
        allowNone
        disabled={ro}
        onChange={(otherwise) => p.onOtherwise(otherwise || undefined)}
      />
    </>
  );
}
