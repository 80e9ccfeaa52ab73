// Where things live inside a library folder.
export const LIBRARY_FILE = 'library.json'
export const TEXTS_FOLDER = 'texts'
