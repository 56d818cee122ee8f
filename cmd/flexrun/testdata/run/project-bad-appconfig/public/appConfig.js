var appConfig = {
  sso: { accountSid: 'AC1' 
};
