// The names the feature-loader hooks use, as the flex-project-template
// declares them (a string enum per kind).
export enum FlexActionEvent {
  before = "before",
  after = "after",
}

export enum FlexAction {
  StartOutboundCall = "StartOutboundCall",
  HoldCall = "HoldCall",
  AcceptTask = "AcceptTask",
  CompleteTask = "CompleteTask",
}
