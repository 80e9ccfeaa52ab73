// Reader preferences, loaded from and saved to the library, applied to the page as CSS variables.
import { useCallback, useEffect, useState } from 'react'
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/model'
import { call } from '../api'

export const TEXT_SIZE_STEP = 1
export const TEXT_SIZE_MIN = 12
export const TEXT_SIZE_MAX = 32

export function usePreferences(): [Preferences, (patch: Partial<Preferences>) => void] {
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES)

  useEffect(() => {
    call('preferences:get', {}).then(setPreferences, () => undefined)
  }, [])

  useEffect(() => {
    const root = document.documentElement
    root.style.setProperty('--reader-size', `${preferences.textSize}px`)
    root.dataset.appearance = preferences.appearance
  }, [preferences])

  const update = useCallback((patch: Partial<Preferences>) => {
    setPreferences((current) => ({ ...current, ...patch }))
    call('preferences:update', patch).then(setPreferences, () => undefined)
  }, [])

  return [preferences, update]
}

export const clampTextSize = (size: number): number => Math.min(TEXT_SIZE_MAX, Math.max(TEXT_SIZE_MIN, size))
