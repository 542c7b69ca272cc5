import { useCallback, useReducer } from 'react';

/** Undo/redo over whole immutable documents: cheap, because edits share untouched branches. */
export interface Undoable<T> {
  past: T[];
  present: T;
  future: T[];
  /** Typing in one field joins one undo step instead of one per key. */
  lastKey?: string;
  lastAt: number;
}

type Action<T> =
  { type: 'set'; doc: T; key?: string; now: number } | { type: 'undo' } | { type: 'redo' } | { type: 'reset'; doc: T };

const LIMIT = 200;
const JOIN_MS = 1000;

export function undoableReducer<T>(state: Undoable<T>, action: Action<T>): Undoable<T> {
  switch (action.type) {
    case 'set': {
      if (action.doc === state.present) return state;
      const join = action.key !== undefined && action.key === state.lastKey && action.now - state.lastAt < JOIN_MS;
      return {
        past: join ? state.past : [...state.past, state.present].slice(-LIMIT),
        present: action.doc,
        future: [],
        lastKey: action.key,
        lastAt: action.now,
      };
    }
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (prev === undefined) return state;
      return { past: state.past.slice(0, -1), present: prev, future: [state.present, ...state.future], lastAt: 0 };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return { past: [...state.past, state.present], present: next, future: rest, lastAt: 0 };
    }
    case 'reset':
      return { past: [], present: action.doc, future: [], lastAt: 0 };
  }
}

export function useUndoable<T>(initial: T) {
  const [state, dispatch] = useReducer(undoableReducer<T>, { past: [], present: initial, future: [], lastAt: 0 });
  return {
    doc: state.present,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    set: useCallback((doc: T, key?: string) => dispatch({ type: 'set', doc, key, now: Date.now() }), []),
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    reset: useCallback((doc: T) => dispatch({ type: 'reset', doc }), []),
  };
}
