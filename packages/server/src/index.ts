/** @packageDocumentation server */
export const PACKAGE_NAME = '@soleus/server';
