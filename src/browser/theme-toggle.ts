/*
 * The theme button: switches between light and dark and remembers the choice
 * (public/theme.js applies it on the next page before it paints). Without
 * JavaScript the button stays hidden and the page follows the system scheme.
 */
const KEY = 'policy-reader-theme';
const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
const dark = () => (document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';

function show() {
  if (button) button.setAttribute('aria-pressed', String(dark()));
}

if (button) {
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    const next = dark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    show();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
}
