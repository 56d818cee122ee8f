// Flex UI 1.x docs, "Actions framework" › Common use cases: send a message
// after a task is completed (TypeScript). WrapupTask and SendMessage are Flex
// built-ins: the message lands in the world's conversation.
flex.Actions.replaceAction("WrapupTask", (payload, original) => {
  // Only alter chat tasks:
  if(payload.task.taskChannelUniqueName !== "chat") {
    original(payload);
  } else {
    return new Promise<void>((resolve, reject) => {
      // Send the message:
      flex.Actions.invokeAction("SendMessage", {
        body: 'Thanks for chatting. Your session is now closed.',
        channelSid: payload.task.attributes.channelSid
      }).then((response) => {
        // Wait until the message is sent to wrap-up the task:
        resolve(original(payload));
      });
    });
  }
});
