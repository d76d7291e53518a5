/** Vite's `?url` imports: the asset's public URL (the file is copied to the build with a hash). */
declare module '*?url' {
  const url: string;
  export default url;
}
