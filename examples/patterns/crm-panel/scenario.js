// What the plugin added to Flex's UI, and what its panel shows for a task
// with a CRM record and for one without. Nothing renders in flexrun: Flex's
// containers record what plugins add (world.components), and the panel is
// rendered here by calling it, as a component test would.
//
//	flexrun run --world world.json --plugins plugins scenario.js
import { TaskCanvasTabs } from "@twilio/flex-ui";
import { world } from "flexrun";
import { CrmPanel } from "./plugins/crm-panel/CrmPanel";

console.log("world.components:");
for (const c of world.components) console.log(`   ${c.container} ${c.op} key=${c.key} ${c.component} ${JSON.stringify(c.options)}`);

console.log("\nTaskCanvasTabs holds:");
for (const tab of TaskCanvasTabs.Content.children) {
  console.log(`   <Tab key=${tab.key} label=${JSON.stringify(tab.props.label)}> with <${tab.props.children.type.displayName}>`);
}

// text renders an element tree to text: host elements as their children,
// function components by calling them.
const text = (node) => {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (Array.isArray(node)) return node.map(text).join("");
  if (typeof node !== "object") return String(node);
  if (typeof node.type === "function") return text(node.type(node.props));
  const inner = text(node.props.children);
  return /^(h\d|p|div)$/.test(node.type) ? `${inner}\n` : inner;
};
for (const task of world.tasks) {
  console.log(`\nThe Customer tab for ${task.sid}:`);
  for (const line of text(CrmPanel({ task })).trimEnd().split("\n")) console.log(`   ${line}`);
}
