/** @packageDocumentation core */
export const PACKAGE_NAME = '@soleus/core';
