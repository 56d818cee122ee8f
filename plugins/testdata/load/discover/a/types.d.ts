declare const x: number;
