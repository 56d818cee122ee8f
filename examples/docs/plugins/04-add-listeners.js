// Flex UI 1.x docs, "Actions framework" › Add and remove event listeners:
// before and after listeners. The docs leave `someCondition` to the reader;
// here it is the global the scenario sets (window.someCondition).
import { Actions } from "@twilio/flex-ui";

Actions.addListener("beforeAcceptTask", (payload, cancelActionInvocation) => {
  // Implement logic before the AcceptTask action has been invoked
  if (someCondition) {
    // use this function to prevent the actual AcceptTask action from being invoked
    cancelActionInvocation();
  }
});

Actions.addListener("afterAcceptTask", (payload) => {
  // Implement logic after AcceptTask action has stopped executing
});
