// The entry of a plugin made with the 1.x create-flex-plugin template.
import { loadPlugin } from "flex-plugin";
import AutoWrapupPlugin from "./AutoWrapupPlugin";

loadPlugin(AutoWrapupPlugin);
