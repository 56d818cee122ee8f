export default function (): void {}
