/*
 * "/" or Ctrl/Cmd+K goes to search from any page: to the search page's own
 * box when it is there, else to the box in the header.
 */
const editable = (el: Element | null) =>
  !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);

document.addEventListener('keydown', (event) => {
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !editable(document.activeElement);
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
  if (!slash && !commandK) return;
  const box = document.querySelector<HTMLInputElement>('#search-q:not([hidden] *)') ?? document.querySelector<HTMLInputElement>('#site-search-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
