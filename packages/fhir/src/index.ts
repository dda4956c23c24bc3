/** @packageDocumentation fhir */
export const PACKAGE_NAME = '@soleus/fhir';
