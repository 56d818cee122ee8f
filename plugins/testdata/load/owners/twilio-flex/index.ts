// Registers through Twilio.Flex.Actions, from an async default export,
// after an await.
declare const Twilio: any;

export default async function (): Promise<void> {
  await Promise.resolve();
  Twilio.Flex.Actions.registerAction("TwilioFlex", () => "twilio body");
  Twilio.Flex.Actions.replaceAction("TwilioFlex", () => "twilio replacement");
  Twilio.Flex.Actions.addListener("beforeTwilioFlex", () => {});
  Twilio.Flex.Actions.addListener("beforeImported", () => {});
}
