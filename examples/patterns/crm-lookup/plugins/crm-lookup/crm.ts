// The CRM lookup, through the team's Twilio Function (the CRM's API key
// stays server-side; the Function checks the agent's Flex token).
const LOOKUP_URL = "https://crm-proxy-1234.twil.io/lookup-customer";

export interface Customer {
  id: string;
  name: string;
  tier: "standard" | "gold";
}

export class CrmError extends Error {
  constructor(readonly status: number) {
    super(`CRM lookup failed with status ${status}`);
  }
}

export async function lookupCustomer(phone: string, token: string): Promise<Customer> {
  const res = await fetch(LOOKUP_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ phone, Token: token }),
  });
  if (!res.ok) throw new CrmError(res.status);
  return (await res.json()) as Customer;
}
