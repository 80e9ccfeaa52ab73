// Build configuration for the three sides of the app: main (Node), preload (sandboxed, one CJS file)
// and renderer (the React page).
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // index: the Electron shell; core: the library's own process (a utility process in the app, a plain
      // Node child in the end-to-end harness); extract-worker: the thread the core reads imported files in.
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          core: resolve('src/core/host/core-process.ts'),
          'extract-worker': resolve('src/core/import/extract-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()]
  }
})
