export function electronPackageDir(): string | null
export function findElectronBinary(): string | null
