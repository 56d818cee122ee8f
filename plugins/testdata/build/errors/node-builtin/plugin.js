// A package written for Node.js, not the browser: it cannot bundle.
import { lookup } from "@acme/crm-sdk";
import { readFileSync } from "node:fs";
export const x = [lookup, readFileSync];
