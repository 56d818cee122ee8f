// top-level JS plugin
export default function () {}
