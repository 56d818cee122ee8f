import { a } from "./a";
import { b } from "./b";

export const sum = a + b;
