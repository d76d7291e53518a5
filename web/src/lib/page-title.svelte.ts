/** Keeps the document title in step with the page (announced by screen readers, shown in tabs). */
export function usePageTitle(title: () => string): void {
  $effect(() => {
    const text = title();
    document.title = text ? `${text} · Nabij` : 'Nabij';
  });
}
