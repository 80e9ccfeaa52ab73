// The text of `liner-notes --help`: the whole interface in one place (commands, flags, the shape of each
// --json document and the exit codes), since scripts and outside tests rely on every part of it. It is a
// plain text file so bin/liner-notes.mjs can print it without loading TypeScript.
import { readFileSync } from 'node:fs'

export const HELP_FILE = new URL('./help.txt', import.meta.url)
export const HELP = readFileSync(HELP_FILE, 'utf8')
