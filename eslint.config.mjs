// The process boundaries, enforced: the core (library, services, exports, the command line) runs under
// plain Node and never imports Electron, the renderer or the shell; the renderer is a sandboxed page and
// imports no Node module, no Electron and no core; shared code runs on both sides, so it imports neither.
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'util', 'zlib']
const rule = (patterns) => ['error', { patterns }]
const electron = { group: ['electron', 'electron/*'], message: 'Only the Electron shell (src/main, src/preload) may import electron.' }
const renderer = { group: ['**/renderer/**'], message: 'The renderer is reached only through the IPC contract.' }
const shell = { group: ['**/main/**'], message: 'The shell depends on the core, never the other way round.' }
const core = { group: ['**/core/**'], message: 'The page reaches the core only through window.linerNotes (renderer/src/api.ts).' }
const node = { group: NODE_BUILTINS, message: 'This code runs in the sandboxed page (or on both sides) and cannot use Node.' }

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'reports/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parser: tseslint.parser }
  },
  { files: ['src/core/**/*.ts', 'src/cli/**/*.ts'], rules: { 'no-restricted-imports': rule([electron, renderer, shell]) } },
  // Tests run under Node (Vitest), so they may read fixtures from disk.
  { files: ['src/shared/**/*.ts'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': rule([electron, renderer, shell, core, node]) } },
  { files: ['src/renderer/**/*.{ts,tsx}'], ignores: ['**/*.test.ts', '**/*.test.tsx'], rules: { 'no-restricted-imports': rule([electron, shell, core, node]) } },
  { files: ['src/preload/**/*.ts'], rules: { 'no-restricted-imports': rule([renderer, core, node]) } }
)
