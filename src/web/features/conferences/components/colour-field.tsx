import { Box, Group, Radio, SimpleGrid, Text } from "@mantine/core";
import { type ColourPair, findPalettePair, PALETTE } from "../../../../shared/palette";

/** A sample of a colour pair: "Aa" in the pair's text colour on its background. */
export function Swatch({ colours, size = 22 }: { colours: { text: string; background: string }; size?: number }) {
  return (
    <Box
      aria-hidden
      component="span"
      w={size}
      h={size}
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        flex: "none",
        background: colours.background,
        color: colours.text,
        border: "1px solid rgba(0,0,0,0.35)",
        borderRadius: 4,
        fontSize: size * 0.5,
        fontWeight: 700,
      }}
    >
      Aa
    </Box>
  );
}

/**
 * Colours of a session (conferences.md, Sessions: "a pair from a fixed accessible palette"): one radio per pair
 * of src/shared/palette.ts, named by the pair ("Navy") and showing its sample. No choice: the server picks an
 * unused pair.
 */
export function ColourField({
  value,
  onChange,
  error,
  description,
}: {
  value: ColourPair | null;
  onChange: (pair: ColourPair) => void;
  error?: string;
  description?: string;
}) {
  return (
    <Radio.Group
      label="Colours"
      description={description}
      value={value?.id ?? ""}
      onChange={(id) => {
        const pair = PALETTE.find((p) => p.id === id);
        if (pair) onChange(pair);
      }}
      error={error}
    >
      <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="xs" mt={6}>
        {PALETTE.map((pair) => (
          <Radio
            key={pair.id}
            value={pair.id}
            label={
              <Group gap={6} wrap="nowrap">
                <Swatch colours={pair} />
                <Text size="sm" span>
                  {pair.label}
                </Text>
              </Group>
            }
          />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** The palette pair of these colours (a session's), or null when they are not in the palette. */
export const paletteEntry = (colours: { text: string; background: string }) => findPalettePair(colours) ?? null;
