using Microsoft.Playwright;

namespace CallCenter.Console.Tests.Infrastructure;

/// <summary>What a canvas shows, read back from its pixels: proof that a chart or waveform was drawn, not just placed.</summary>
public static class CanvasPixels
{
    /// <summary>Pixels of exactly this opaque colour in the first canvas inside <paramref name="selector"/>.</summary>
    public static Task<int> CountColourAsync(IPage page, string selector, int red, int green, int blue) =>
        page.EvaluateAsync<int>(
            """
            ([selector, r, g, b]) => {
              const canvas = document.querySelector(selector).querySelector('canvas');
              const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
              let count = 0;
              for (let i = 0; i < data.length; i += 4) {
                if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
              }
              return count;
            }
            """,
            new object[] { selector, red, green, blue });

    /// <summary>
    /// A script that is true once some canvas under <paramref name="selector"/> (including open shadow roots, where
    /// wavesurfer draws) has painted pixels on at least <paramref name="rows"/> rows: a flat line paints one or two.
    /// </summary>
    public static string PaintedRowsAtLeast(string selector, int rows) =>
        $$"""
        () => {
          const canvases = [];
          const visit = (root) => {
            for (const element of root.querySelectorAll('*')) {
              if (element instanceof HTMLCanvasElement) canvases.push(element);
              if (element.shadowRoot) visit(element.shadowRoot);
            }
          };
          visit(document.querySelector('{{selector}}'));
          return canvases.some((canvas) => {
            if (canvas.width === 0 || canvas.height === 0) return false;
            const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            let painted = 0;
            for (let y = 0; y < canvas.height; y++) {
              for (let x = 0; x < canvas.width; x++) {
                if (data[(y * canvas.width + x) * 4 + 3] > 0) { painted++; break; }
              }
            }
            return painted >= {{rows}};
          });
        }
        """;
}
