/** The countries TopoJSON cut to the basemap's region (client/build/regionCountries.ts): its URL. */
declare module 'virtual:region-countries' {
  const url: string;
  export default url;
}
