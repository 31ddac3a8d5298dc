// A reader's chosen colour scheme, applied before the page is painted (this is
// a small blocking script in <head>), so a dark page never flashes light.
try {
  var theme = localStorage.getItem('policy-reader-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch (e) {
  // Storage blocked: the page follows the system scheme.
}
