#!/usr/bin/env bash
# Makes the demo show's media, once: a 30 s loop of 2 s HLS segments (H.264 baseline + AAC,
# 640x360, ~250 kbit/s), a VOD replay playlist over them and three poster images, under
# examples/backend/media/. The results are committed; run this again only to change them.
# Needs ffmpeg with libx264 and drawtext (Debian: apt-get install -y ffmpeg fonts-dejavu-core).
set -euo pipefail
cd "$(dirname "$0")/.."
out=examples/backend/media
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
bold=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$font" ] || { echo "make-demo-media: no DejaVu font at $font (apt-get install fonts-dejavu-core)" >&2; exit 1; }

loop=30      # seconds in the loop (a multiple of seg)
seg=2        # segment length in seconds
fps=25
size=640x360

mkdir -p "$out"
rm -f "$out"/seg*.ts "$out"/replay.m3u8 "$out"/poster-live.jpg "$out"/poster-replay.jpg "$out"/poster-scheduled.jpg

# A slow colour field that is periodic over the loop (so the loop point barely shows) and a
# drifting orb. No text and no bars in the picture: the show draws the title, the host, the status
# and the products itself, and anything baked into the lower part would sit under the player's
# controls and the product chip (or repeat the show's own LIVE badge).
field="geq=r='150+70*sin(2*PI*(X/W*0.7+T/${loop}))':g='120+50*sin(2*PI*(Y/H*0.6+T/${loop})+2)':b='140+80*sin(2*PI*((X+Y)/(W+H)-T/${loop})+4)'"
orb="drawtext=fontfile=${bold}:text='●':fontsize=120:fontcolor=white@0.25:x=(w-tw)/2+180*sin(2*PI*t/${loop}):y=(h-th)/2-40+50*cos(4*PI*t/${loop})"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=black:s=${size}:r=${fps}:d=${loop},format=yuv420p,${field},${orb}" \
  -f lavfi -i "aevalsrc='0.05*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*t/6))+0.03*sin(2*PI*330*t)*(0.6+0.4*sin(2*PI*t/5))|0.05*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*t/6))+0.03*sin(2*PI*275*t)':s=44100:d=${loop}" \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset slow \
  -b:v 220k -maxrate 300k -bufsize 600k -g $((seg * fps)) -keyint_min $((seg * fps)) -sc_threshold 0 \
  -c:a aac -b:a 48k -ac 2 \
  -f hls -hls_time "$seg" -hls_list_size 0 -hls_playlist_type vod -hls_segment_type mpegts \
  -hls_segment_filename "$out/seg%02d.ts" "$out/loop.m3u8"

# The replay: the loop three times over, with a discontinuity at each restart (90 s).
{
  echo '#EXTM3U'
  echo '#EXT-X-VERSION:3'
  echo "#EXT-X-TARGETDURATION:${seg}"
  echo '#EXT-X-PLAYLIST-TYPE:VOD'
  echo '#EXT-X-MEDIA-SEQUENCE:0'
  for pass in 1 2 3; do
    [ "$pass" -gt 1 ] && echo '#EXT-X-DISCONTINUITY'
    grep -A1 '^#EXTINF' "$out/loop.m3u8" | grep -v '^--$'
  done
  echo '#EXT-X-ENDLIST'
} > "$out/replay.m3u8"
rm "$out/loop.m3u8"

# Posters: stills of the same picture at three points of the loop (the show draws the state
# badge, the title and the countdown over them).
poster() { # name, second of the loop
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=black:s=${size}:r=${fps}:d=${loop},format=yuv420p,${field},${orb}" \
    -ss "$2" -frames:v 1 -q:v 6 "$out/poster-$1.jpg"
}
poster live 4
poster replay 14
poster scheduled 24

du -ch "$out"/* | tail -1

# The vertical (9:16) show: the same field and orb at 360x640, and no text at all in the picture
# (the show draws the title, the host and the products over a vertical video; text baked into the
# lower part would sit under the player's controls and the product chip). Its own loop, vseg*.ts.
vertical() {
  local vsize=360x640
  local vorb="drawtext=fontfile=${bold}:text='●':fontsize=140:fontcolor=white@0.25:x=(w-tw)/2+90*sin(2*PI*t/${loop}):y=(h-th)/2-60+120*cos(4*PI*t/${loop})"
  rm -f "$out"/vseg*.ts "$out"/vertical.m3u8 "$out"/poster-vertical.jpg
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=black:s=${vsize}:r=${fps}:d=${loop},format=yuv420p,${field},${vorb}" \
    -f lavfi -i "aevalsrc='0.05*sin(2*PI*196*t)*(0.6+0.4*sin(2*PI*t/6))|0.05*sin(2*PI*247*t)*(0.6+0.4*sin(2*PI*t/5))':s=44100:d=${loop}" \
    -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset slow \
    -b:v 200k -maxrate 280k -bufsize 560k -g $((seg * fps)) -keyint_min $((seg * fps)) -sc_threshold 0 \
    -c:a aac -b:a 48k -ac 2 \
    -f hls -hls_time "$seg" -hls_list_size 0 -hls_playlist_type vod -hls_segment_type mpegts \
    -hls_segment_filename "$out/vseg%02d.ts" "$out/vertical.m3u8"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=black:s=${vsize}:r=1:d=1,format=yuv420p,${field}" \
    -frames:v 1 -q:v 6 "$out/poster-vertical.jpg"
}
vertical
