import React from "react";
import { ITask, styled, withTaskContext } from "@twilio/flex-ui";

const Panel = styled("div")`
  padding: 12px;
`;

interface CrmRecord {
  customerId: string;
  name: string;
  tier: string;
}

interface Props {
  task?: ITask;
}

// CrmPanel shows the CRM record the lookup stored on the task.
export const CrmPanel = ({ task }: Props) => {
  const crm: CrmRecord | undefined = task?.attributes?.crm;
  if (!crm) {
    return <Panel>No CRM record for this customer yet.</Panel>;
  }
  return (
    <Panel>
      <h3>{crm.name}</h3>
      <p>
        Customer {crm.customerId}, {crm.tier} tier
      </p>
    </Panel>
  );
};

export default withTaskContext(CrmPanel);
