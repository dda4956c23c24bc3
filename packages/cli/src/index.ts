/** @packageDocumentation cli */
export const PACKAGE_NAME = '@soleus/cli';
