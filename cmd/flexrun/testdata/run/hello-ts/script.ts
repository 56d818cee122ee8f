// TypeScript with ESM imports and top-level await, as plugin authors write it.
import { Actions } from "@twilio/flex-ui";

enum Channel {
  Voice = "voice",
  Chat = "chat",
}

class Router {
  constructor(private readonly fallback: Channel) {}
  route(p: { channel?: Channel }): Channel {
    return p.channel ?? this.fallback;
  }
}

const router = new Router(Channel.Chat);
Actions.registerAction("Route", async (payload: { channel?: Channel }) => {
  await new Promise<void>((resolve) => setTimeout(resolve, 5));
  return router.route(payload);
});
Actions.addListener("afterRoute", (p) => console.log("after Route", p));

async function* numbers() {
  yield 1;
  yield 2;
}
for await (const n of numbers()) console.log("n =", n);

console.log(await Actions.invokeAction("Route", {}));
console.log(await Twilio.Flex.Actions.invokeAction("Route", { channel: Channel.Voice }));
