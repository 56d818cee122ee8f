var appConfig = {
  pluginService: { enabled: true, url: '/plugins' },
  sso: { accountSid: 'AC123' },
  logLevel: 'info', // as Flex's template has it
};
