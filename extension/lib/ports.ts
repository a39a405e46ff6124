export const overlayPortName = "liaison-overlay";
