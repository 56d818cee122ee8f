// top-level TS plugin
export default function (): void {}
