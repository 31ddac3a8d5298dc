/*
 * Copying for the reader, announced to screen readers through the page's
 * live region (#announcer, in the base layout). Shared by every copy control.
 */
function announce(message: string) {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  // Clearing first makes a repeated message ("Link copied") announced again.
  announcer.textContent = '';
  window.setTimeout(() => (announcer.textContent = message), 30);
}

export async function copy(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch {
    announce(`Copying is blocked here. The link is: ${text}`);
  }
}

/** This page's address without query or fragment. */
export const pageUrl = () => `${location.origin}${location.pathname}`;
