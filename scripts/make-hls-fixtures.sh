#!/bin/sh
# Generates the HLS test fixtures in test/fixtures/hls/ with ffmpeg (real H.264 baseline + AAC,
# 1 s GOPs so every segment is 1 s). Small on purpose (~150 kB in all); the outputs are committed,
# so this only needs re-running when the fixtures change. Usage: sh scripts/make-hls-fixtures.sh
#
#   vod.m3u8 + seg00..seg11.ts   12 s replay (also the looped source of the live test stream,
#                                which test/servers/player.mjs slides with the clock through
#                                examples/backend/hls/live-playlist.mjs)
#   captions.en.vtt, captions.de.vtt   WebVTT captions for the replay
#   poster.jpg                   a frame, for the facade
#   captioned.m3u8               a master playlist: the replay + an HLS WebVTT subtitle rendition
#                                (subs.en.m3u8 -> subs.en.vtt, X-TIMESTAMP-MAP to the TS clock)
set -eu
FFMPEG=${FFMPEG:-ffmpeg}
out=$(dirname "$0")/../test/fixtures/hls
mkdir -p "$out"
cd "$out"
rm -f seg*.ts vod.m3u8 poster.jpg

"$FFMPEG" -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x180:rate=15" \
  -f lavfi -i "sine=frequency=440:sample_rate=44100" \
  -t 12 \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p \
  -g 15 -keyint_min 15 -sc_threshold 0 -b:v 80k -maxrate 100k -bufsize 100k \
  -c:a aac -b:a 24k -ac 1 \
  -f hls -hls_time 1 -hls_list_size 0 -hls_playlist_type vod \
  -hls_segment_filename 'seg%02d.ts' vod.m3u8

"$FFMPEG" -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x180:rate=1" -frames:v 1 -q:v 8 poster.jpg

cat > captions.en.vtt <<'VTT'
WEBVTT

00:00:00.000 --> 00:00:04.000
Welcome to the winter drop.

00:00:04.000 --> 00:00:08.000
This is the merino beanie.

00:00:08.000 --> 00:00:12.000
Tap a product to add it to your cart.
VTT

cat > captions.de.vtt <<'VTT'
WEBVTT

00:00:00.000 --> 00:00:04.000
Willkommen zum Winter-Drop.

00:00:04.000 --> 00:00:08.000
Das ist die Merino-Mütze.

00:00:08.000 --> 00:00:12.000
Tippe auf ein Produkt, um es in den Warenkorb zu legen.
VTT

# The TS segments start at PTS 126000 (1.4 s): map the subtitles' zero there.
cat > subs.en.vtt <<'VTT'
WEBVTT
X-TIMESTAMP-MAP=MPEGTS:126000,LOCAL:00:00:00.000

00:00:00.000 --> 00:00:06.000
Subtitles from the stream: welcome.

00:00:06.000 --> 00:00:12.000
Subtitles from the stream: the beanie.
VTT

cat > subs.en.m3u8 <<'M3U8'
#EXTM3U
#EXT-X-VERSION:3
#EXT-X-TARGETDURATION:12
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXTINF:12.000,
subs.en.vtt
#EXT-X-ENDLIST
M3U8

cat > captioned.m3u8 <<'M3U8'
#EXTM3U
#EXT-X-VERSION:3
#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,URI="subs.en.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=320x180,CODECS="avc1.42c01e,mp4a.40.2",SUBTITLES="subs"
vod.m3u8
M3U8

du -ach . | tail -1
