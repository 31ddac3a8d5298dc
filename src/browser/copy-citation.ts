/* Copy buttons for the citations: hidden in the HTML, as they need this script. */
import { copy } from './clipboard';

document.querySelectorAll<HTMLButtonElement>('button[data-copy]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => {
    const text = document.getElementById(button.dataset.copy ?? '')?.textContent?.trim();
    if (text) void copy(text, 'Citation copied');
  });
});
