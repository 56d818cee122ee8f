// A plugin whose start fails: goja says only "Value is not object coercible".
type Options = { region: string };

function setup(opts?: Options): string {
  const { region } = opts as Options;
  return region;
}

export default function init(): void {
  setup();
}
