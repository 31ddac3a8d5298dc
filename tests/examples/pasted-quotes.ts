/*
 * About the seed articles: quotations a researcher might paste, with the
 * punctuation people paste, each naming the block of the seed article that
 * says it. Used by the search tests in Node (every one) and in Chromium (ten
 * of them, followed to the highlighted words). They keep passing when
 * articles are added: an added article would have to hold these words to
 * come first.
 */
export const PASTED_QUOTES: [string, string, string, string][] = [
  // [the case, what is pasted, the article, the block]
  ['a spaced en dash, in curly quotes', '“ministers address the issue head on – rather than relying on workarounds”', 'view-from-westminster', 'p-f24aea5a'],
  ['a spaced en dash, in straight quotes', '"ministers address the issue head on – rather than relying on workarounds"', 'view-from-westminster', 'p-f24aea5a'],
  ['a spaced en dash, without quotes', 'ministers address the issue head on – rather than relying on workarounds', 'view-from-westminster', 'p-f24aea5a'],
  ['an en dash typed as a hyphen', '“address the issue head on - rather than relying”', 'view-from-westminster', 'p-f24aea5a'],
  ['an en dash typed as an em dash', '“address the issue head on — rather than relying”', 'view-from-westminster', 'p-f24aea5a'],
  ['two dashes around an aside', '“the service in general – and providers in particular – will be attempting”', 'critical-time-for-the-nhs', 'p-a8c24265'],
  ['a dash that starts a clause', '“health and care system – but the new team will have no choice”', 'view-from-westminster', 'p-d6b5a9c1'],
  ['a hyphen the source spaces as a dash', '“isn’t going to work - the system is too large”', 'inspiration-and-system-leadership', 'p-b4577211'],
  ['a dash before a colon-like clause', '“the model of governance remains – trusts or foundation trust boards”', 'critical-time-for-the-nhs', 'p-970f52dd'],
  ['a name set off by dashes', '“Trust Development Authority – NHS Improvement – announced in the months”', 'leadership-first-100-days', 'p-a2631d3f'],
  ['an ellipsis for words left out', '“the new team will have no choice … answer them at the outset”', 'view-from-westminster', 'p-d6b5a9c1'],
  ['three full stops for words left out', '"a relentless focus on the needs of service users... connecting providers of the health care"', 'view-from-westminster', 'p-2aa7b6f9'],
  ['an ellipsis at the start', '“…will be conceived in the crucible of crisis management”', 'view-from-westminster', 'p-d6b5a9c1'],
  ['the quoter’s [sic]', '“the report’s 19 recommendations [sic] ‘in principle’”', 'leadership-first-100-days', 'p-d1ef724e'],
  ['the quoter’s words in brackets', '“[The CEO] needs to realise that a ‘heroic individual’ leadership model”', 'inspiration-and-system-leadership', 'p-b4577211'],
  ['an apostrophe as the source prints it', '“This doesn’t mean a frenzy of structural change”', 'view-from-westminster', 'p-2aa7b6f9'],
  ['an apostrophe typed straight', '"This doesn\'t mean a frenzy of structural change"', 'view-from-westminster', 'p-2aa7b6f9'],
  ['an apostrophe as a modifier letter', '“This doesnʼt mean a frenzy of structural change”', 'view-from-westminster', 'p-2aa7b6f9'],
  ['a possessive typed straight', '"without NHSI\'s voice in the setting of the provider task"', 'new-structure-profound-shift', 'p-515adc98'],
  ['single quotes inside the quotation', '“the ambition is for the NHS to become ‘the world’s largest learning organisation’”', 'leadership-first-100-days', 'p-9d16ec8f'],
  ['single quotes typed straight inside', '"a \'heroic individual\' leadership model"', 'inspiration-and-system-leadership', 'p-b4577211'],
  ['words in parentheses', '“(but not primary care), with a focus on talent management”', 'leadership-first-100-days', 'p-83b6c623'],
  ['a whole parenthesis', '“(others have been superseded, will be implemented in part, or are being left for further consideration)”', 'leadership-first-100-days', 'p-600a4a1b'],
  ['a number in the phrase', '“The review put forward 16 recommendations”', 'leadership-first-100-days', 'p-600a4a1b'],
  ['a month and year', '"commissioned in February 2014, covered acute care"', 'leadership-first-100-days', 'p-83b6c623'],
  ['hyphenated words', '“re-designing care through the vanguards and other initiatives, and re-thinking”', 'critical-time-for-the-nhs', 'p-7e77b877'],
  ['a hyphenated compound', '“a jointly-led Monitor and NHS Trust Development Authority”', 'leadership-first-100-days', 'p-a2631d3f'],
  ['a phrase broken across lines', '“Trusts would welcome less duplication and\nbetter co-ordination between NHS Improvement\nand NHS England”', 'new-structure-profound-shift', 'p-5e5bc7c2'],
  ['non-breaking spaces', '“creating an\u00A0unmanageable\u00A0monolith”', 'new-structure-profound-shift', 'p-8f1a06b2'],
  ['a passage across two paragraphs', '“important implications for trusts and their leaders. Trusts would welcome less duplication”', 'new-structure-profound-shift', 'p-b64a205c'],
  ['a quotation with its own closing quote mark', '“Don’t be an empire builder.”', 'inspiration-and-system-leadership', 'p-ed382b64'],
  ['guillemets for quote marks', '«the genie is well and truly out of the bottle»', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['soft hyphens copied from a PDF', '“creating an unman\u00ADageable monolith”', 'new-structure-profound-shift', 'p-8f1a06b2'],
  ['a word broken by a hyphen at a line’s end', '“Trusts would welcome less dupli-\ncation and better co-ordination”', 'new-structure-profound-shift', 'p-5e5bc7c2'],
  ['zero-width spaces copied from a web page', '“creating an\u200B unmanageable\u200B monolith”', 'new-structure-profound-shift', 'p-8f1a06b2'],
  ['a footnote number glued on', '“the genie is well and truly out of the bottle.12”', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a superscript footnote marker', '“the genie is well and truly out of the bottle”¹', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a citation after the closing quote mark', '“the genie is well and truly out of the bottle” (Nuffield Trust, 2016, p. 3)', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a note in brackets after the closing quote mark', '“the genie is well and truly out of the bottle” [p. 3]', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['“emphasis added” after the closing quote mark', '“the genie is well and truly out of the bottle” (emphasis added)', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  // Found in a looser form (lib/search-query, relaxedQueries), which the page says.
  ['a selection that starts mid-word', '“enie is well and truly out of the bottle”', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a selection that ends mid-word', '“the genie is well and truly out of the bot”', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a quotation misremembered, a word left out', '“the genie is well and out of the bottle”', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a quotation misremembered, a word changed', '“the genie is well and really out of the bottle when it comes to unfettered central intervention”', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['a passage misremembered, pasted without quote marks', 'the genie is well and really out of the bottle when it comes to unfettered central intervention', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['the quoter’s “said …” after the quotation', '“the genie is well and truly out of the bottle,” said the report', 'critical-time-for-the-nhs', 'p-875f3e0e'],
];

/**
 * About the seed articles: quotations misremembered in both halves, which
 * only the pages holding most of their pairs of adjacent words find
 * (lib/phrase-index, nearCandidates), so only with the index of adjacent
 * words, as the search page runs it.
 */
export const MISREMEMBERED: [string, string, string, string][] = [
  ['two words changed, one in each half', '“the genie is well and really out of the bottle when it comes to unchecked central intervention”', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['two words changed, pasted without quote marks', 'the genie is well and really out of the bottle when it comes to unchecked central intervention', 'critical-time-for-the-nhs', 'p-875f3e0e'],
  ['another word in each half', '“it means connecting suppliers of the health care, social care, housing and other services that shape citizens’ lives”', 'view-from-westminster', 'p-2aa7b6f9'],
];

/** Ten of them, one of each kind of punctuation, for the browser. */
export const PASTED_IN_BROWSER = [0, 3, 5, 7, 10, 13, 16, 20, 22, 27].map((i) => PASTED_QUOTES[i]!);
