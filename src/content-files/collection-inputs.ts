import { entryIds, readNames } from './names';
import { contentDir } from './paths';
import { readRegister } from './permalinks';

/**
 * Everything the Markdown pipeline needs to know about the collection, read
 * once from the content files (validated) and handed to the plugins as options.
 */
export function readCollectionInputs(dir = contentDir) {
  return { ...readNames(dir), entries: entryIds(dir), register: readRegister() };
}
