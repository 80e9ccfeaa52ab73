#!/usr/bin/env node
// The liner-notes command. It runs the TypeScript sources of src/cli through tsx, so a checkout needs no
// build step; tsx is told which tsconfig to use so the working folder's own (a vault's, say) is ignored.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)

// Help is plain text: print it without starting tsx, the slow part of starting up.
if (args.length === 1 && ['--help', '-h', 'help'].includes(args[0])) {
  process.stdout.write(readFileSync(new URL('../src/cli/help.txt', import.meta.url), 'utf8'))
} else {
  const { register } = await import('tsx/esm/api')
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.core.json', import.meta.url)) })
  const { run } = await import('../src/cli/main.ts')
  const { processIo } = await import('../src/cli/io.ts')

  // `liner-notes list | head` closes the pipe early; that is the reader being done, not a failure.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })

  const code = await run(args, processIo())
  // Every write has been handed over (run awaits them), so leaving now cuts nothing short, and a handle
  // some library left open cannot keep the command from ending.
  process.exit(code)
}
