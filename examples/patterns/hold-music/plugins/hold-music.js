// Hold music per queue. Twilio's default hold music is the same jangly loop
// for everyone; a brand wants its own, and each line of business its own
// message ("your renewal is important to us"). Flex's HoldCall takes a
// holdMusicUrl, so this plugin fills it in before every hold from the task's
// queue, leaving a URL another plugin or the caller chose alone. Queues not
// in the map keep Twilio's default.
const HOLD_MUSIC_BY_QUEUE = {
  Sales: "https://assets.example.com/hold/sales-jingle.mp3",
  Support: "https://assets.example.com/hold/support-calm.mp3",
};

export default function holdMusicPlugin(flex, manager) {
  flex.Actions.addListener("beforeHoldCall", (payload) => {
    const url = HOLD_MUSIC_BY_QUEUE[payload.task.queueName];
    if (url && !payload.holdMusicUrl) {
      payload.holdMusicUrl = url;
      payload.holdMusicMethod = "GET";
    }
  });
}
