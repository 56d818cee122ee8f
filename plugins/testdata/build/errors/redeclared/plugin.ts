let count = 1;

let count = 2;

export { count };
