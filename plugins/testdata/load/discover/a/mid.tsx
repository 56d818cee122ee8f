// TS plugin, type declarations next to it are not plugins
export default function (): void {}
