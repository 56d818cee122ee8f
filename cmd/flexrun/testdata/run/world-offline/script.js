// --offline: a request the world does not answer fails, as without a network.
try {
  await fetch("https://crm.example.com/customers/1");
} catch (e) {
  console.log(String(e));
  console.log(e.cause.message);
}
