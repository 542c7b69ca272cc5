import { Component, lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const RELOADED = 'doorstroom.chunkReload';

/**
 * A page loaded when its route is first visited, so the first screen downloads only its own code
 * (the graph editor, the charts and the validators come with the pages that use them).
 * A release replaces the chunk files an open tab was built with; when one is gone the tab loads
 * itself anew, once, instead of failing on the next link.
 */
export function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async (): Promise<{ default: ComponentType<P> }> => {
    try {
      const loaded = (await load())[name];
      sessionStorage.removeItem(RELOADED);
      return { default: loaded };
    } catch (e) {
      if (sessionStorage.getItem(RELOADED)) throw e;
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
      return new Promise(() => undefined);
    }
  });
}

/** What shows while a page's code arrives: words, announced politely to screen readers. */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loadingPage')}
    </p>
  );
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t('app.pageFailed')}
    </p>
  );
}

interface BoundaryProps {
  children: ReactNode;
  /** Another page (the path): try again. */
  resetKey?: string;
}

/** A page that could not load says so, and the shell around it stays usable. */
class PageBoundary extends Component<BoundaryProps, { failed: boolean; resetKey?: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: BoundaryProps, state: { failed: boolean; resetKey?: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }
  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

export function PageSuspense({ children, resetKey }: BoundaryProps) {
  return (
    <PageBoundary resetKey={resetKey}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageBoundary>
  );
}
