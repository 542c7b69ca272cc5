import { lazy, Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A page loaded when its route is first visited, so the first screen downloads only its own code
 * (the graph editor, the charts and the validators come with the pages that use them).
 */
export function lazyPage<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async (): Promise<{ default: ComponentType<P> }> => ({ default: (await load())[name] }));
}

/** What shows while a page's code arrives: words, announced politely to screen readers. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('app.loadingPage')}
    </p>
  );
}

export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}
