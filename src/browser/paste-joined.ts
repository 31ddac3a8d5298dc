import { joinWordsBrokenAtLineEnds } from '../lib/search-query';

/**
 * A passage copied from a PDF keeps its words broken at line ends ("unman-⏎ageable"); a single-line box would make the
 * break a space, and the word two. Joined as the passage is pasted, while the break is still known, and inserted as
 * typing is, so that undo still works. Every search box has it: the search page's and the header's on other pages.
 */
export function joinBrokenWordsOnPaste(input: HTMLInputElement): void {
  input.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    const joined = joinWordsBrokenAtLineEnds(pasted);
    if (joined === pasted) return;
    event.preventDefault();
    const text = joined.replace(/\r?\n/g, ' ');
    if (!document.execCommand('insertText', false, text)) {
      input.setRangeText(text, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, 'end');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}
